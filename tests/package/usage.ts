// A TypeScript consumer of the npm package, type-checked by package.test.mjs with --strict. Each
// expected-error directive below must meet an error, so the types are checked in both directions.
import { analyse, type Analysis, type Entity, type TimelineEvent } from 'dateline';
import { NewsEntities } from 'dateline/news-entities';
import { timelineJS } from 'dateline/exports';

const result: Analysis = analyse('BEIJING, May 20 (Xinhua) -- Xi Jinping met Li Qiang.', { referenceDate: '2023-05-20' });
const people: string[] = result.entities.filter((e: Entity) => e.type === 'PERSON').map((e) => e.name);
const first: TimelineEvent | undefined = result.timeline[0];
const source: string | undefined = result.reference_date?.source;
const json: string = timelineJS(result, 'Talks');
const agency: string | undefined = result.structure.dateline?.agency?.text;
const roles: (string | null)[] = result.mentions.map((m) => m.role);
const published: string | undefined = result.structure.published?.value;
analyse('no options');

// @ts-expect-error: there is no such option
analyse('text', { referenceDay: '2023-05-20' });
// @ts-expect-error: entity types are a closed set
const company: Entity['type'] = 'COMPANY';
// @ts-expect-error: credit roles are a closed set
const role: Analysis['structure']['credits'][number]['role'] = 'author';
// @ts-expect-error: mentions carry an entity id, not a name
const id: string = result.mentions[0].entity;

const element: NewsEntities = document.createElement('news-entities');
element.types = ['PERSON', 'TIME'];
element.types = 'PERSON ORG';
// @ts-expect-error: not a type the element shows
element.types = ['COMPANY'];
element.addEventListener('analysis', (event) => {
  const analysis: Analysis = event.detail;
  console.log(analysis.entities.length);
});
NewsEntities.define('my-news-entities');

console.log(people, first, source, json, agency, roles, published, company, role, id);
