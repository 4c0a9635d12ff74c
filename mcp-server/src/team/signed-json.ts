/**
 * A signed JSON document as git stores it for the team: a commit whose tree holds `record.json` (the
 * exact bytes that were signed) and `record.json.sig` (the armored SSH signature). Readers verify the
 * bytes as found, so any edit, even of whitespace, breaks the signature.
 */
import { readFiles } from './git-remote.js';
import { signText, verifyText, type SignatureCheck } from './ssh-signature.js';

export const RECORD_FILE = 'record.json';
export const SIGNATURE_FILE = 'record.json.sig';

export interface SignedJson {
  text: string;
  signature?: string;
}

/** The tree files of a signed document for `value`. */
export async function signJson(projectRoot: string, key: string, value: unknown): Promise<Record<string, string>> {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  return { [RECORD_FILE]: text, [SIGNATURE_FILE]: await signText(projectRoot, key, text) };
}

export async function readSignedJson(projectRoot: string, commit: string): Promise<SignedJson | undefined> {
  const files = await readFiles(projectRoot, commit, [RECORD_FILE, SIGNATURE_FILE]);
  const text = files[RECORD_FILE];
  if (text === undefined) return undefined;
  return { text, ...(files[SIGNATURE_FILE] !== undefined ? { signature: files[SIGNATURE_FILE] } : {}) };
}

export async function verifySignedJson(projectRoot: string, document: SignedJson, allowedSigners: string): Promise<SignatureCheck> {
  return verifyText(projectRoot, document.text, document.signature, allowedSigners);
}
