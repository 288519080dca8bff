/**
 * The public (unauthenticated) operations, read from the OpenAPI document the app serves rather
 * than listed by hand: a route added tomorrow without `security` is fuzzed tomorrow.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  $ref?: string;
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  [keyword: string]: unknown;
}

interface OpenApiOperation {
  security?: unknown[];
  parameters?: Array<{ in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface PublicOperation {
  /** `POST /api/pledges`: the key a fuzz plan is filed under. */
  key: string;
  method: string;
  /** The documented path, with `{param}` placeholders. */
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** Content types the body is documented in (none: the route documents no body). */
  bodyTypes: string[];
  /** Top-level fields of the documented body (from the same zod schema the route validates with). */
  bodyFields: string[];
  /** The route answers (some) requests with a page, so HTML errors are expected of it. */
  answersPages: boolean;
  /** Changes something: such a route must have a generator of valid requests. */
  writes: boolean;
}

const resolve = (document: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema | undefined => {
  if (!schema?.$ref) return schema;
  return resolve(document, document.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')]);
};

/** Every operation of the document that needs no sign-in. */
export function publicOperations(document: OpenApiDocument): PublicOperation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([, operation]) => !operation.security?.length)
      .map(([method, operation]): PublicOperation => {
        const parameters = operation.parameters ?? [];
        const content = operation.requestBody?.content ?? {};
        const bodySchema = resolve(document, Object.values(content)[0]?.schema);
        return {
          key: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase(),
          path,
          pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
          queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
          bodyTypes: Object.keys(content),
          bodyFields: Object.keys(bodySchema?.properties ?? {}),
          answersPages: Object.values(operation.responses).some((response) => Object.keys(response.content ?? {}).includes('text/html')),
          writes: method !== 'get' && method !== 'head',
        };
      }),
  );
}
