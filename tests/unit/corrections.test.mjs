// Corrections (www/corrections.js) on a real analysis: each changes what it says, the entity
// list, counts, aliases and timeline participants follow, and the analysis itself is untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { applyAll, applyOne } from '../../www/corrections.js';

const pkg = new URL('../../www/pkg/', import.meta.url);
const glue = await import(new URL('dateline.js', pkg));
glue.initSync({ module: readFileSync(new URL('dateline_bg.wasm', pkg)) });

const TEXT = `BISHKEK, May 20 (Xinhua) -- President Sadyr Japarov met Chinese Premier Li Qiang on Friday.
Japarov said Kyrgyzstan and China would build the railway by 2026. Apple Daily said so on Thursday.`;
const base = glue.analyse(TEXT, { referenceDate: '2023-05-20' });
const entity = (a, name) => a.entities.find((e) => e.name === name || e.aliases.includes(name));
const frozen = JSON.stringify(base);

test('retyping an entity retypes its mentions', () => {
  const target = base.entities.find((e) => e.type !== 'ORG');
  const [a, ok] = applyOne(base, { kind: 'retype', name: target.name, type: target.type, to: 'ORG' });
  assert.ok(ok);
  assert.equal(entity(a, target.name).type, 'ORG');
  assert.ok(a.mentions.filter((m) => m.entity === target.id).every((m) => m.type === 'ORG'));
  assert.equal(JSON.stringify(base), frozen, 'the analysis given is not changed');
});

test('merging two entities joins their mentions, spellings and events', () => {
  const li = entity(base, 'Li Qiang');
  const japarov = entity(base, 'Sadyr Japarov');
  const [a, ok] = applyOne(base, { kind: 'merge', name: 'Li Qiang', type: li.type, into: { name: 'Sadyr Japarov', type: japarov.type } });
  assert.ok(ok);
  assert.equal(entity(a, 'Li Qiang').id, japarov.id);
  assert.equal(entity(a, 'Sadyr Japarov').count, li.count + japarov.count);
  assert.ok(a.entities.every((e) => e.id !== li.id));
  assert.ok(a.timeline.every((e) => !e.entities.includes(li.id)), 'no event names the merged-away entity');
  assert.ok(a.mentions.every((m) => a.entities.some((e) => e.id === m.entity)), 'every mention has its entity');
});

test('splitting a mention off makes an entity of it; dropping one removes it', () => {
  const japarov = entity(base, 'Sadyr Japarov');
  const second = base.mentions.filter((m) => m.entity === japarov.id).at(-1);
  const mention = { start: second.start, end: second.end, text: second.text };
  const [split] = applyOne(base, { kind: 'split', mention });
  const alone = split.mentions.find((m) => m.start === second.start);
  assert.notEqual(alone.entity, japarov.id);
  assert.equal(entity(split, 'Sadyr Japarov').count, japarov.count - 1);
  const event = split.timeline.find((e) => e.start <= second.start && second.end <= e.end);
  if (event) assert.ok(event.entities.includes(alone.entity), 'its event names the new entity');
  const [dropped] = applyOne(base, { kind: 'drop', mention });
  assert.equal(dropped.mentions.length, base.mentions.length - 1);
  assert.equal(entity(dropped, 'Sadyr Japarov').count, japarov.count - 1);
});

test('corrections apply again to a new analysis, skipping what it no longer has', () => {
  const li = entity(base, 'Li Qiang');
  const corrections = [
    { kind: 'retype', name: 'Li Qiang', type: li.type, to: 'ORG' },
    { kind: 'drop', mention: { start: 0, end: 3, text: 'Nobody' } },
  ];
  const edited = glue.analyse(`${TEXT} Li Qiang left.`, { referenceDate: '2023-05-20' });
  const { analysis, applied } = applyAll(edited, corrections);
  assert.equal(applied, 1);
  assert.equal(entity(analysis, 'Li Qiang').type, 'ORG');
  assert.equal(applyAll(base, []).analysis, base, 'no corrections: the analysis itself');
});

test('a correction names the entity split off, not the one that shares its spelling', () => {
  const text = 'Premier Li Qiang arrived on Friday. Li met traders. Li left on Saturday.';
  const a = glue.analyse(text, { referenceDate: '2023-05-20' });
  const li = a.mentions.filter((m) => m.text === 'Li');
  assert.ok(li.length >= 2 && entity(a, 'Li Qiang').aliases.includes('Li'), JSON.stringify(a.entities));
  const last = li.at(-1);
  const { analysis } = applyAll(a, [
    { kind: 'split', mention: { start: last.start, end: last.end, text: last.text } },
    { kind: 'retype', name: 'Li', type: 'PERSON', to: 'ORG' },
  ]);
  assert.equal(analysis.entities.find((e) => e.name === 'Li Qiang').type, 'PERSON', 'Li Qiang keeps its type');
  assert.equal(analysis.entities.find((e) => e.name === 'Li').type, 'ORG', 'the split-off Li is retyped');
});
