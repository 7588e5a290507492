import { Link } from 'wouter';
import { Reported } from '../components/glance';
import { Empty } from '../components/status';
import { num, TableHead } from '../components/table-head';
import { displayName, type Locale } from '../display-name';
import type { PlaceQuery } from '../gql/graphql';
import { translate } from '../lib/i18n';
import { idPath, useHref } from '../lib/url-state';
import { Designations, type Sides } from './place-tables';
import { type Shared, SharedCell } from './shared-money';

type Region = NonNullable<PlaceQuery['region']>;
type PlaceActor = PlaceQuery['actors']['edges'][number]['node'];
type Pairing = PlaceActor['pairings'][number];

/** The places below this one, each with its boundary totals, and money not broken down. */
export function ChildrenSection({
  region,
  here,
  shared,
  locale: lang,
}: {
  region: Region;
  here: readonly PlaceActor[];
  shared: ReadonlyMap<string, readonly Shared[]>;
  locale: Locale;
}) {
  const href = useHref();
  return (
    <section>
      <h2>{translate('children', lang)}</h2>
      {region.children.length === 0 ? (
        <Empty>{lang === 'EN' ? 'No places below this one.' : '没有下级地区。'}</Empty>
      ) : null}
      {region.children.length > 0 || here.length > 0 ? (
        <table className="data children">
          <caption>{translate('children', lang)}</caption>
          <TableHead
            locale={lang}
            columns={['region', num('incoming'), num('internal'), num('outgoing'), 'sharedBy']}
          />
          <tbody>
            {region.children.map((c) => (
              <ChildRow key={c.code} child={c} shared={shared.get(c.code) ?? []} locale={lang} />
            ))}
            {here.length > 0 ? (
              <tr className="not-broken-down">
                <td colSpan={5}>
                  {translate('notBrokenDown', lang)}:{' '}
                  {here.map((a, i) => (
                    <span key={a.id}>
                      {i > 0 ? '、' : ''}
                      <Link href={href(idPath('/actors', a.id), {}, ['year'])}>
                        {displayName(a, lang)}
                      </Link>
                    </span>
                  ))}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** Who helps whom here (the pairings of the place's actors). */
export function PairingsSection({
  pairings,
  locale: lang,
}: {
  pairings: readonly Pairing[];
  locale: Locale;
}) {
  const href = useHref();
  if (pairings.length === 0) return null;
  return (
    <section>
      <h2>{translate('pairings', lang)}</h2>
      <table className="data pairings">
        <caption>{translate('pairings', lang)}</caption>
        <TableHead locale={lang} columns={['helper', 'recipient', num('coverage')]} />
        <tbody>
          {pairings.map((p) => (
            <tr key={p.id}>
              <td>
                <Link href={href(idPath('/actors', p.helper.id))}>
                  {displayName(p.helper, lang)}
                </Link>
              </td>
              <td>
                <Link href={href(idPath('/actors', p.recipient.id))}>
                  {displayName(p.recipient, lang)}
                </Link>
              </td>
              <td className="num">{p.coverage ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ChildRow(props: {
  child: {
    code: string;
    name: string;
    nameEn?: string | null;
    designations: readonly string[];
    boundary: Sides;
  };
  shared: readonly Shared[];
  locale: Locale;
}) {
  const href = useHref();
  const cell = (k: keyof Sides) => (
    <Reported money={props.child.boundary[k].publicMoney} locale={props.locale} />
  );
  return (
    <tr data-region={props.child.code}>
      <td>
        <Link href={href(`/places/${props.child.code}`, {}, ['year'])}>
          {displayName(props.child, props.locale)}
        </Link>
        <Designations designations={props.child.designations} locale={props.locale} />
      </td>
      <td className="num">{cell('incoming')}</td>
      <td className="num">{cell('internal')}</td>
      <td className="num">{cell('outgoing')}</td>
      <td className="shared-cell">
        <SharedCell shared={props.shared} locale={props.locale} />
      </td>
    </tr>
  );
}
