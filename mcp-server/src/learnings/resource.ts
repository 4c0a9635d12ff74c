/**
 * The MCP resource `shipgate://learnings`: this repository's lessons as Markdown, rendered from the
 * store at read time. The server registers it with LEARNINGS_RESOURCE and calls readLearningsResource.
 */
import { readLearnings } from './read-learnings.js';
import { LEARNINGS_RESOURCE } from './resource-descriptor.js';

export { LEARNINGS_RESOURCE };


export async function readLearningsResource(projectRoot: string): Promise<{ uri: string; mimeType: string; text: string }> {
  const view = await readLearnings(projectRoot);
  return { uri: LEARNINGS_RESOURCE.uri, mimeType: LEARNINGS_RESOURCE.mimeType, text: view.markdown };
}
