import fc from 'fast-check';

/**
 * Values for fuzzing routes from their OpenAPI (JSON) schema: `plausible` follows the schema loosely
 * (enough to get past validation now and then and reach the services), `malformed` breaks it on
 * purpose in the ways clients and attackers do.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
}

/** Ids that exist (harvested as the fuzz goes), read when a value is generated. */
export type IdPool = () => readonly string[];

// C0 controls PostgreSQL cannot store, and the ones it can (tab, LF, CR) to check they still pass.
const controls = [...Array(32).keys()].map((c) => String.fromCharCode(c));
const arabic = (minLength: number, maxLength: number) =>
  fc
    .array(fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة ٠١٢٣٤٥٦٧٨٩'), { minLength, maxLength })
    .map((chars) => chars.join(''));

const existingId = (ids: IdPool) =>
  fc.nat().map((i) => {
    const pool = ids();
    return pool.length ? pool[i % pool.length]! : '00000000-0000-4000-8000-000000000000';
  });

export function plausible(schema: JsonSchema, ids: IdPool, depth = 0): fc.Arbitrary<unknown> {
  const arb = plausibleOf(schema, ids, depth);
  return schema.nullable ? fc.option(arb, { nil: null, freq: 8 }) : arb;
}

function plausibleOf(schema: JsonSchema, ids: IdPool, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const choices = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (choices?.length) return fc.oneof(...choices.map((s) => plausible(s, ids, depth)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return plausibleString(schema, ids);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1_000_000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      if (depth > 4) return fc.constant([]);
      return fc.array(plausible(schema.items ?? {}, ids, depth + 1), {
        minLength: Math.min(schema.minItems ?? 0, 3),
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case 'object': {
      if (depth > 4 || !schema.properties) return fc.constant({});
      const props = Object.fromEntries(
        Object.entries(schema.properties).map(([k, s]) => [k, plausible(s, ids, depth + 1)]),
      );
      return fc.record(props, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function plausibleString(schema: JsonSchema, ids: IdPool): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.oneof({ weight: 4, arbitrary: existingId(ids) }, fc.uuid());
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === 'date')
    return fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.pattern) {
    // The fuzz is about the server, not about regular expressions it cannot use.
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).map((s) => s.slice(0, 200));
    } catch {
      return fc.string();
    }
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 60, 80));
  return fc.oneof(fc.string({ minLength, maxLength }), arabic(minLength, maxLength));
}

/** A value nothing should accept, or that tests the edges of what is accepted. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    1e308,
    -1e308,
    2 ** 53 + 1,
    0.5,
    '',
    ' ',
    [],
    {},
    'null',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    'not-a-uuid',
    '٠٥٠١٢٣٤٥٦٧',
    '2024-02-30',
    '1445-13-40',
    '9999-12-31T99:99:99Z',
    '<script>alert(1)</script>',
    "'; drop table beneficiaries; --",
    '../../etc/passwd',
    '\u202Eأحمد',
  ),
  fc
    .tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...controls), fc.string({ maxLength: 10 }))
    .map(([a, c, b]) => `${a}${c}${b}`),
  fc.constantFrom('\uD800', 'x\uDFFFy', '\uDBFF\uDBFF'),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'ش'.repeat(n)),
  fc.integer({ min: 20, max: 3_000 }).map((n) => nest(n)),
  fc.integer({ min: 50, max: 5_000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
  fc.jsonValue({ maxDepth: 3 }),
  fc.double(),
);

function nest(levels: number): unknown {
  let value: unknown = 'قاع';
  for (let i = 0; i < levels; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
}

type Path = (string | number)[];

function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (path.length > 6 || out.length > 200) return out;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) pathsOf(v, [...path, i], out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  }
  return out;
}

type Mutation = 'replace' | 'delete' | 'wrap-in-array' | 'unwrap';

function mutate(value: unknown, path: Path, mutation: Mutation, nasty: unknown): unknown {
  if (path.length === 0) {
    if (mutation === 'wrap-in-array') return [value];
    if (mutation === 'unwrap' && value && typeof value === 'object') return Object.values(value)[0] ?? null;
    return mutation === 'delete' ? undefined : nasty;
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = mutate(copy[head as number], rest, mutation, nasty);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  const next = mutate(copy[head as string], rest, mutation, nasty);
  if (next === undefined) delete copy[head as string];
  else copy[head as string] = next;
  return copy;
}

/** A plausible value broken at one place: a wrong type, a missing field, an array for an object… */
export function malformed(schema: JsonSchema, ids: IdPool): fc.Arbitrary<unknown> {
  const broken = fc
    .tuple(
      plausible(schema, ids),
      nastyValue,
      fc.nat(),
      fc.constantFrom<Mutation>('replace', 'replace', 'replace', 'delete', 'wrap-in-array', 'unwrap'),
    )
    .map(([value, nasty, pick, mutation]) => {
      const paths = pathsOf(value);
      return mutate(value, paths[pick % paths.length]!, mutation, nasty);
    });
  return fc.oneof({ weight: 6, arbitrary: broken }, { weight: 1, arbitrary: nastyValue });
}
