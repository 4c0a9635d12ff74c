import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  runBump
} from "./chunk-IX2WNUGZ.js";
import {
  bumpResultDocument,
  describeBumpResult
} from "./chunk-HCGOLNDF.js";
import "./chunk-6XT3FFCB.js";
import "./chunk-P3WDUPBX.js";
import "./chunk-CHPPYB6P.js";
import {
  findProjectRoot
} from "./chunk-FRFIYCZR.js";
import "./chunk-NRUS7RPD.js";
import "./chunk-JR3ARTYZ.js";
import "./chunk-OI4SVB5F.js";
import "./chunk-3HRCFEKB.js";
import "./chunk-GHJBZYRF.js";
import "./chunk-MTZFLQ7W.js";
import "./chunk-B47VQ6L6.js";
import "./chunk-H2VYXQ36.js";
import "./chunk-V44AS647.js";
import "./chunk-45S5TUYB.js";
import "./chunk-6BYGT45P.js";
import "./chunk-M3MLCKII.js";
import "./chunk-VBOBU6E4.js";
import {
  UsageError
} from "./chunk-Z6DQB4O2.js";
import "./chunk-SPOV2FCU.js";
import "./chunk-5OIYAMLV.js";
import "./chunk-O4TABYHR.js";
import "./chunk-4LOJUVA5.js";
import "./chunk-3SNQWMNX.js";
import "./chunk-CMTZTRQJ.js";

// mcp-server/src/cli/commands/bump.ts
var LEVELS = ["auto", "major", "minor", "patch", "prerelease"];
var PREID = /^[0-9A-Za-z-]{1,20}$/;
var command = {
  name: "bump",
  summary: "Plan and apply a semantic version release: version files, changelog, commit, annotated tag.",
  usage: [
    "  shipgate bump [auto|major|minor|patch|prerelease] [--preid ID] [--dry-run] [--push] [--force] [--json]",
    "",
    "  auto (default)  derive the level from Conventional Commits since the last tag",
    "  --preid ID      prerelease identifier (beta \u2192 2.0.1-beta.0, then -beta.1)",
    "  --dry-run       print the plan (version, reason, files, tag); change nothing",
    "  --push          push the branch and the tag atomically (git push --atomic)",
    "  --force         allow a level smaller than the commits imply"
  ].join("\n"),
  options: {
    preid: { type: "string" },
    "dry-run": { type: "boolean" },
    push: { type: "boolean" },
    force: { type: "boolean" }
  },
  allowPositionals: true,
  async run(input, context) {
    if (input.positionals.length > 1) {
      throw new UsageError("shipgate bump takes at most one level.", { found: input.positionals.join(" "), expected: LEVELS.join("|"), hint: "Example: `shipgate bump minor --dry-run`." });
    }
    const level = input.positionals[0] ?? "auto";
    if (!LEVELS.includes(level)) {
      throw new UsageError(`Unknown bump level "${level}".`, { where: "shipgate bump <level>", expected: LEVELS.join("|"), hint: "Example: `shipgate bump minor --dry-run`." });
    }
    const preid = input.values.preid;
    if (preid !== void 0 && (typeof preid !== "string" || !PREID.test(preid))) {
      throw new UsageError("--preid must be 1-20 letters, digits or hyphens.", { where: "--preid", found: String(preid), expected: "e.g. beta, rc, alpha-1" });
    }
    const root = await findProjectRoot(context.cwd);
    const result = await runBump(root, {
      bump: level,
      preid,
      dryRun: Boolean(input.values["dry-run"]),
      push: Boolean(input.values.push),
      force: Boolean(input.values.force),
      now: context.now(),
      env: context.env
    });
    if (input.json) context.stdout.write(`${JSON.stringify(bumpResultDocument(result), null, 2)}
`);
    else context.stdout.write(describeBumpResult(result));
    return result.ok ? 0 : 1;
  }
};
export {
  command
};
