import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);

// mcp-server/src/release/describe-result.ts
function describeBumpResult(result) {
  const { plan } = result;
  const lines = [];
  if (result.recovery) lines.push(`${result.recovery.action === "needs-repair" ? "Interrupted release" : "Recovered"}: ${result.recovery.message}`);
  const since = plan.lastTag ? `since ${plan.lastTag}` : "in the whole history (no release tag yet)";
  if (plan.nextVersion === null) {
    lines.push(`Nothing to release: ${plan.commitCount} commit${plan.commitCount === 1 ? "" : "s"} ${since}, none of them feat, fix, perf or breaking.`);
    lines.push(`Version stays ${plan.currentVersion}; nothing was changed. Use \`shipgate bump patch\` (or minor/major) to release anyway.`);
    return `${lines.join("\n")}
`;
  }
  const mode = result.dryRun ? " (dry run: nothing written)" : "";
  lines.push(`${plan.currentVersion} \u2192 ${plan.nextVersion}  [${plan.chosen}]${mode}`);
  lines.push(`Reason: ${plan.reason}`);
  lines.push(`Commits ${since}: ${plan.commitCount}`);
  for (const reason of plan.reasons.slice(0, 10)) lines.push(`  ${reason.hash.slice(0, 7)} ${reason.header}`);
  if (plan.reasons.length > 10) lines.push(`  \u2026 and ${plan.reasons.length - 10} more`);
  lines.push("Files:");
  for (const file of plan.files) lines.push(`  ${file.path} (${file.before === null ? "new" : file.what})`);
  if (plan.changelog) lines.push(`Changelog: ${plan.changelog.source === "unreleased" ? "the Unreleased section becomes" : "entry generated from the commits for"} ${plan.nextVersion}`);
  lines.push(`Commit: ${plan.commitMessage}`);
  lines.push(`Tag: ${plan.tag} (annotated, with the changelog excerpt)`);
  if (plan.push) lines.push(`Push: git push --atomic ${plan.remote} ${plan.branch ?? "?"} ${plan.tag}`);
  if (plan.refusals.length) {
    lines.push(result.dryRun ? "A real release would be refused:" : "Refused:");
    for (const refusal of plan.refusals) lines.push(`  \u2717 ${refusal.message}
    fix: ${refusal.hint}`);
  }
  if (result.applied) {
    lines.push(`Released ${result.applied.tag} at ${result.applied.commit.slice(0, 12)}${result.applied.pushed ? ` and pushed to ${plan.remote}` : ""}.`);
    if (!result.applied.pushed) lines.push(`Publish it with: git push --atomic ${plan.remote} ${plan.branch ?? "HEAD"} ${plan.tag}   (or run \`shipgate bump --push\` next time)`);
  }
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  return `${lines.join("\n")}
`;
}
function bumpResultDocument(result) {
  const { plan } = result;
  return {
    ok: result.ok,
    dryRun: result.dryRun,
    nothingToRelease: result.nothingToRelease,
    currentVersion: plan.currentVersion,
    nextVersion: plan.nextVersion,
    requested: plan.requested,
    chosen: plan.chosen,
    implied: plan.implied,
    reason: plan.reason,
    reasons: plan.reasons,
    lastTag: plan.lastTag,
    commitCount: plan.commitCount,
    tag: plan.tag,
    commitMessage: plan.commitMessage,
    tagMessage: plan.tagMessage,
    files: plan.files.map((file) => ({ path: file.path, what: file.what, created: file.before === null })),
    changelog: plan.changelog,
    push: plan.push,
    branch: plan.branch,
    refusals: plan.refusals,
    applied: result.applied,
    recovery: result.recovery,
    warnings: result.warnings
  };
}

export {
  describeBumpResult,
  bumpResultDocument
};
