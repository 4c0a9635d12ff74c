/**
 * The kube context a kubectl/helm call without `--context` uses: `current-context` of the first file
 * in KUBECONFIG (or `--kubeconfig`, else ~/.kube/config) that sets one, and that context's namespace.
 * Read from the file with a line scan (no YAML library, no kubectl process) to stay within the hook's
 * budget; kubeconfigs written by kubectl are plain block YAML.
 *
 * Good: `kubectl apply -f k8s/` with current-context `prod-eu` is production.
 * Bad:  trusting that a command without `--context` targets nothing in particular.
 */
import { join, resolve } from 'node:path';
import { memoize, type FileLookup } from './guard-context.js';

export interface KubeTarget {
  context?: string;
  namespace?: string;
}

export function currentKubeTarget(files: FileLookup, env: Readonly<Record<string, string | undefined>>, cwd: string, kubeconfigOption?: string): KubeTarget {
  const paths = (kubeconfigOption ? [kubeconfigOption] : env.KUBECONFIG ? env.KUBECONFIG.split(':').filter(Boolean) : env.HOME ? [join(env.HOME, '.kube/config')] : []).map((p) => resolve(cwd, p));
  return memoize(files, `kube\0${paths.join(':')}`, () => targetFrom(paths.map((p) => files.readText(p) ?? '')));
}

function targetFrom(texts: string[]): KubeTarget {
  let context: string | undefined;
  for (const text of texts) {
    const match = /^current-context:\s*["']?([^"'\s#]+)/m.exec(text);
    if (match) { context = match[1]; break; }
  }
  if (!context) return {};
  for (const text of texts) {
    const namespace = contextNamespace(text, context);
    if (namespace) return { context, namespace };
  }
  return { context };
}

function contextNamespace(text: string, context: string): string | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^contexts:\s*$/.test(l));
  if (start < 0) return undefined;
  let entry: string[] = [];
  const check = (): string | undefined => {
    const body = entry.join('\n');
    const name = /(?:^|\s|-\s)name:\s*["']?([^"'\s#]+)/m.exec(body)?.[1];
    return name === context ? /\bnamespace:\s*["']?([^"'\s#]+)/.exec(body)?.[1] : undefined;
  };
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line) && !line.startsWith('-')) break;
    if (/^\s*-\s/.test(line) && entry.length && /^(\s*)-/.exec(line)![1]!.length <= /^(\s*)-/.exec(entry[0]!)![1]!.length) {
      const found = check();
      if (found) return found;
      entry = [];
    }
    if (line.trim()) entry.push(line);
  }
  return entry.length ? check() : undefined;
}
