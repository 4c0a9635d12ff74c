// Generates a plugin with N skills of ~2.5 KB each (frontmatter, mission, blocking gate with checks,
// logic flow, rollback procedure, pitfalls), plus commands and a plugin manifest, so that
// `shipgate validate`, `claude plugin validate` and `skills-ref validate` all accept it.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

function skill(i) {
  const name = `deploy-service-${String(i).padStart(4, '0')}`;
  return { name, text: `---
name: ${name}
description: Deploys service ${i} to production behind a blocking safety gate with automatic rollback. Use when releasing service ${i} to production. Not for staging deploys or local builds.
allowed-tools: Read, Bash(kubectl:*), Bash(npm:*)
---

# Deploy service ${i}

<mission_control>
<objective>Deploy service ${i} with zero downtime and a tested way back.</objective>
<success_criteria>All health checks pass for ten minutes after the rollout.</success_criteria>
</mission_control>

<safety_gate type="blocking" phase="pre_deployment">
<purpose>Refuse the deploy unless every check passes.</purpose>
<checks>
- <check id="tests_pass">
  <command>npm test</command>
  <expected>Exit code 0</expected>
  <failure_mode>BLOCK deployment</failure_mode>
  <timeout>10m</timeout>
  </check>
- <check id="tree_clean">
  <verify kind="git-clean"/>
  <failure_mode>BLOCK deployment</failure_mode>
  </check>
- <check id="backups_current">
  <verify kind="file-age" path="backups/service-${i}-*.dump" max_age="24h"/>
  <failure_mode>BLOCK deployment</failure_mode>
  </check>
- <check id="staging_approved">
  <verify kind="state" key="manual_gates.staging_validation.status" equals="approved"/>
  <failure_mode>BLOCK deployment</failure_mode>
  </check>
</checks>
</safety_gate>

## Flow

<logic_flow>
digraph Deploy${i} {
  Verify [label="Verify gate"];
  Build [label="Build image"];
  Deploy [label="Apply rollout"];
  Check [label="Health check"];
  Success [label="Deployment success"];
  Rollback [label="Rollback procedure"];
  Verify -> Build;
  Build -> Deploy;
  Deploy -> Check;
  Check -> Success [label="healthy"];
  Check -> Rollback [label="errors"];
}
</logic_flow>

<rollback_procedure>
<purpose>Return service ${i} to the previous version.</purpose>
<trigger_conditions>
- <condition metric="error_rate" above="0.05" for="2m">Error rate above 5% for 2 minutes</condition>
</trigger_conditions>
<steps sequential="true">
<step id="1" action="immediate_rollback">
<command>kubectl rollout undo deployment/service-${i}</command>
<timeout>30 seconds</timeout>
<expected>Previous version restored</expected>
</step>
<step id="2" action="verify_rollback">
<command>kubectl rollout status deployment/service-${i}</command>
<timeout>2m</timeout>
<expected>Rollout complete</expected>
</step>
</steps>
</rollback_procedure>

<anti_patterns>
<pitfall name="service_${i}_skipped_backup" impact="high">
Deploying service ${i} without a fresh backup.
<prevention>Keep the backups_current check blocking.</prevention>
</pitfall>
</anti_patterns>
` };
}

export async function generateCorpus(dir, count = 1000) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, '.claude-plugin'), { recursive: true });
  await mkdir(join(dir, 'commands'), { recursive: true });
  await writeFile(join(dir, '.claude-plugin', 'plugin.json'), `${JSON.stringify({ name: 'bench-corpus', version: '1.0.0', description: 'Generated benchmark corpus', author: { name: 'shipgate bench' }, keywords: ['bench'] }, null, 2)}\n`);
  await writeFile(join(dir, 'commands', 'deploy.md'), '---\ndescription: Deploy a service\nargument-hint: [service]\n---\n\nDeploy $1 through the gate.\n');
  let bytes = 0;
  const names = [];
  for (let i = 1; i <= count; i += 1) {
    const { name, text } = skill(i);
    await mkdir(join(dir, 'skills', name), { recursive: true });
    await writeFile(join(dir, 'skills', name, 'SKILL.md'), text);
    bytes += Buffer.byteLength(text);
    names.push(name);
  }
  return { names, averageBytes: Math.round(bytes / count) };
}
