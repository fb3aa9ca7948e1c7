// The popover that answers a highlight: what kind of thing it is in words, the entity's name and
// other spellings, a date's value in words and as TIMEX3, a way to see every mention, and the
// corrections a reader can make to a name (www/corrections.js).
import { el, TYPES, TYPE_NAMES } from './render.js';
import { TYPE_WORDS, valueInWords } from './describe.js';

/** The popover's content for `span` of `result`; `onShowAll(entityId)` selects an entity,
 * `onCorrect(correction)` makes a correction. */
export function explanation(result, span, onShowAll, onCorrect) {
  if (span.entity !== undefined) {
    const entity = result.entities.find((e) => e.id === span.entity);
    const nodes = [
      el('p', { className: 'kind', text: TYPE_WORDS[span.type] ?? span.type }),
      el('p', { className: 'name', text: entity?.name ?? span.text }),
    ];
    if (entity?.aliases.length) nodes.push(el('p', { className: 'aliases', text: `Also written: ${entity.aliases.join(', ')}` }));
    if (entity) {
      nodes.push(el('p', { text: `${entity.count} mention${entity.count === 1 ? '' : 's'} in the text` }));
      const show = el('button', { text: 'Show all mentions', attrs: { type: 'button' } });
      show.addEventListener('click', () => onShowAll(entity.id));
      nodes.push(show);
      nodes.push(corrections(result, span, entity, onCorrect));
    }
    return nodes;
  }
  if (span.value !== undefined) {
    return [
      el('p', { className: 'kind', text: TYPE_WORDS[span.type] ?? span.type }),
      el('p', { className: 'name', text: valueInWords(span.value, span.type) }),
      el('p', {}, ['TIMEX3 value ', el('code', { text: span.value })]),
    ];
  }
  return [el('p', { className: 'kind', text: 'Not analysed' }), el('p', { text: `Page chrome: ${span.reason}` })];
}

/** Controls to retype the entity, merge it into another, split this mention off, or drop it. */
function corrections(result, span, entity, onCorrect) {
  const named = { name: entity.name, type: entity.type };
  const mention = { start: span.start, end: span.end, text: span.text };
  // Each choice waits for its button: a closed select changes on an arrow key.
  const retype = el('select', { attrs: { 'aria-label': 'Type of this entity' } },
    TYPES.filter((t) => t !== 'TIME').map((t) => el('option', { text: TYPE_NAMES[t], attrs: { value: t, ...(t === entity.type ? { selected: '' } : {}) } })));
  const applyType = el('button', { text: 'Retype', attrs: { type: 'button' } });
  applyType.addEventListener('click', () => { if (retype.value !== entity.type) onCorrect({ kind: 'retype', ...named, to: retype.value }); });
  const others = result.entities.filter((e) => e.id !== entity.id).sort((a, b) => a.name.localeCompare(b.name));
  const into = el('select', { attrs: { 'aria-label': 'Entity to merge into' } },
    others.map((e) => el('option', { text: `${e.name} (${TYPE_NAMES[e.type]})`, attrs: { value: String(e.id) } })));
  const merge = el('button', { text: 'Merge', attrs: { type: 'button' } });
  merge.addEventListener('click', () => {
    const target = others.find((e) => e.id === Number(into.value));
    if (target) onCorrect({ kind: 'merge', ...named, into: { name: target.name, type: target.type } });
  });
  const buttons = [];
  if (entity.count > 1) {
    const split = el('button', { text: 'Split this mention off', attrs: { type: 'button' } });
    split.addEventListener('click', () => onCorrect({ kind: 'split', mention }));
    buttons.push(split);
  }
  const drop = el('button', { text: 'Not a name: remove', attrs: { type: 'button' } });
  drop.addEventListener('click', () => onCorrect({ kind: 'drop', mention }));
  buttons.push(drop);
  return el('fieldset', { className: 'correct' }, [
    el('legend', { text: 'Correct it' }),
    el('div', { className: 'choice' }, [retype, applyType]),
    ...(others.length ? [el('div', { className: 'choice' }, [into, merge])] : []),
    ...buttons,
  ]);
}
