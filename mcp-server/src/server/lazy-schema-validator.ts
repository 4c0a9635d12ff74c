/**
 * A JSON Schema validator for the SDK that builds its Ajv instance on first use. The SDK's server
 * only validates JSON Schema when an elicitation answer comes back; constructing Ajv (meta-schemas,
 * formats) at start-up would cost every session a few milliseconds before `tools/list` for a
 * feature most sessions never use.
 */
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { JsonSchemaType, JsonSchemaValidator, jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';

export class LazySchemaValidator implements jsonSchemaValidator {
  private inner: AjvJsonSchemaValidator | undefined;

  getValidator<T>(schema: JsonSchemaType): JsonSchemaValidator<T> {
    this.inner ??= new AjvJsonSchemaValidator();
    return this.inner.getValidator<T>(schema);
  }
}
