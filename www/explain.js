// The popover that answers a highlight: what kind of thing it is in words, the entity's name and
// other spellings, a date's value in words and as TIMEX3, and a way to see every mention.
import { el } from './render.js';
import { TYPE_WORDS, valueInWords } from './describe.js';

/** The popover's content for `span` of `result`; `onShowAll(entityId)` selects an entity. */
export function explanation(result, span, onShowAll) {
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
