/**
 * `npm run content:schema` writes the JSON Schema editors use to complete and check scripts in dialogs/.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeScriptSchema } from '../../scripts/contentSchema';
import { scriptSchema } from '../../src/content/scriptSchema';

describe('the script JSON Schema', () => {
  it('is written as JSON describing meta, start and every step type', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'beacon-schema-'));
    try {
      const file = path.join(dir, 'script.schema.json');
      await writeScriptSchema(file);
      const schema = JSON.parse(await readFile(file, 'utf8')) as {
        required: string[];
        properties: { meta: { required: string[] }; steps: { additionalProperties: { oneOf?: unknown[]; anyOf?: unknown[] } } };
      };
      expect(schema.required).toEqual(expect.arrayContaining(['meta', 'title', 'start', 'steps']));
      expect(schema.properties.meta.required).toEqual(expect.arrayContaining(['owner', 'reviewedBy', 'translations', 'sources', 'audience']));
      const steps = schema.properties.steps.additionalProperties;
      expect((steps.oneOf ?? steps.anyOf ?? []).length).toBe(10);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a branch on the danger reading', () => {
  const script = (cases: Record<string, string>) => ({
    meta: { owner: 'o', reviewedBy: 'r', reviewedAt: null, translations: { en: 'needs-review' }, sources: [{ title: 't', url: 'https://example.org' }], audience: ['all'] },
    title: 'title',
    start: 'kind',
    steps: { kind: { type: 'branch', field: 'danger.kind', cases, default: 'done' }, done: { type: 'end' } }
  });

  it('lets a script speak to the kind of danger that started it', () => {
    expect(scriptSchema.safeParse(script({ selfHarm: 'done' })).success).toBe(true);
  });

  it('names a kind that does not exist, so the author can fix it', () => {
    const result = scriptSchema.safeParse(script({ suicide: 'done' }));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/"suicide" is not a danger\.kind; use one of meeting, .*selfHarm/);
  });
});
