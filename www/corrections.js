// Corrections a reader makes to an analysis before exporting it: retype an entity, merge two,
// split a mention off into an entity of its own, drop a mention that is no name. Each is a
// record naming what it changes by its text and place, not by ids, so that the list can be
// applied again to the next analysis of the edited text (what it no longer finds, it skips:
// a split or drop names its mention's exact place, so an edit above it loses it; the element
// says how many apply),
// and undone by applying all but the last. Kept in memory only.

/** A correction: { kind: 'retype', name, type, to } | { kind: 'merge', name, type, into: {name, type} }
 * | { kind: 'split', mention: {start, end, text} } | { kind: 'drop', mention: {start, end, text} }. */

/** The entity a correction names: by its name first, else by another spelling of it (a split
 * "Li" is itself, not the "Li Qiang" that also has the spelling "Li"). */
function entityNamed(analysis, { name, type }) {
  return analysis.entities.find((e) => e.type === type && e.name === name)
    ?? analysis.entities.find((e) => e.type === type && e.aliases.includes(name));
}

/** A spelling as the analyser compares it: invisible characters dropped, accents composed. */
export const evenedOut = (text) => text.normalize('NFC').replace(/[\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g, '');

function mentionAt(analysis, { start, end, text }) {
  return analysis.mentions.findIndex((m) => m.start === start && m.end === end && m.text === text);
}

/** Counts and aliases again from the mentions, and entities with none left gone (from the
 * timeline's participants too), after a change. */
function settle(analysis) {
  const spellings = new Map();
  for (const m of analysis.mentions) {
    if (!spellings.has(m.entity)) spellings.set(m.entity, []);
    spellings.get(m.entity).push(m.text);
  }
  analysis.entities = analysis.entities.filter((e) => spellings.has(e.id));
  for (const e of analysis.entities) {
    const texts = spellings.get(e.id).map(evenedOut);
    e.count = texts.length;
    // The name stays (it may be the gazetteer's, as "Kyrgyzstan" for "Kyrgyz Republic"); the
    // aliases are the other spellings still in the text, evened out as the analyser gives them.
    e.aliases = [...new Set([...e.aliases, ...texts])].filter((t) => t !== e.name && texts.includes(t));
  }
  for (const event of analysis.timeline) event.entities = event.entities.filter((id) => spellings.has(id));
  return analysis;
}

/** After `mention` left entity `id`: the events it took part in (the analyser leaves out, for
 * one, a dateline's names) lose `id` unless another of its mentions is in them too, and gain
 * `added` (the mention's new entity), if any. */
function moveInEvents(analysis, mention, id, added) {
  for (const event of analysis.timeline) {
    if (mention.start < event.start || mention.end > event.end || !event.entities.includes(id)) continue;
    const stays = analysis.mentions.some((m) => m !== mention && m.entity === id && m.start >= event.start && m.end <= event.end);
    event.entities = event.entities.filter((e) => e !== id || stays);
    if (added !== undefined && !event.entities.includes(added)) event.entities.push(added);
  }
}

/** `analysis` with one `correction` applied, and whether it applied (what it names was found).
 * The analysis given is not changed. */
export function applyOne(analysis, correction) {
  const next = structuredClone(analysis);
  return applyInPlace(next, correction) ? [next, true] : [analysis, false];
}

/** Applies `correction` to `next` itself; false when what it names is not there. */
function applyInPlace(next, correction) {
  switch (correction.kind) {
    case 'retype': {
      const entity = entityNamed(next, correction);
      if (!entity) return false;
      entity.type = correction.to;
      for (const m of next.mentions) if (m.entity === entity.id) m.type = correction.to;
      settle(next);
      return true;
    }
    case 'merge': {
      const from = entityNamed(next, correction);
      const into = entityNamed(next, correction.into);
      if (!from || !into || from === into) return false;
      for (const m of next.mentions) if (m.entity === from.id) { m.entity = into.id; m.type = into.type; }
      into.aliases.push(from.name, ...from.aliases);
      for (const event of next.timeline) {
        event.entities = [...new Set(event.entities.map((e) => (e === from.id ? into.id : e)))];
      }
      settle(next);
      return true;
    }
    case 'split': {
      const index = mentionAt(next, correction.mention);
      if (index < 0) return false;
      const mention = next.mentions[index];
      let id = 0; // one more than the highest (a spread of 100,000 ids would overflow the stack)
      for (const e of next.entities) id = Math.max(id, e.id);
      id += 1;
      next.entities.push({ id, type: mention.type, name: mention.text, aliases: [], count: 1 });
      const was = mention.entity;
      mention.entity = id;
      moveInEvents(next, mention, was, id);
      settle(next);
      return true;
    }
    case 'drop': {
      const index = mentionAt(next, correction.mention);
      if (index < 0) return false;
      const [mention] = next.mentions.splice(index, 1);
      moveInEvents(next, mention, mention.entity);
      settle(next);
      return true;
    }
    default:
      return false;
  }
}

/** `analysis` with every correction that still applies, and how many did; the analysis itself
 * is not changed (one copy, whatever the number of corrections). */
export function applyAll(analysis, corrections) {
  if (corrections.length === 0) return { analysis, applied: 0 };
  const result = structuredClone(analysis);
  let applied = 0;
  for (const correction of corrections) applied += applyInPlace(result, correction) ? 1 : 0;
  return { analysis: result, applied };
}
