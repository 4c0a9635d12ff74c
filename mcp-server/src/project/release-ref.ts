/** A release the provider can deploy: what `git tag v1.2.0` points at. */
export interface ReleaseRef {
  version: string;
  tag: string;
  sha: string;
}
