import { useYears, YearSelect } from '../components/year-select';
import { translate } from '../lib/i18n';
import { useLang, useSetParams } from '../lib/url-state';

export const MAX_DEPTH = 12;

export function TraceControls(props: {
  direction: 'DOWNSTREAM' | 'UPSTREAM';
  year: number | null;
  depth: number;
}) {
  const lang = useLang();
  const setParams = useSetParams();
  const years = useYears();
  return (
    <div className="controls">
      <label className="control">
        {translate('direction', lang)}{' '}
        <select
          value={props.direction}
          onChange={(e) =>
            setParams({ direction: e.target.value === 'UPSTREAM' ? 'upstream' : null })
          }
        >
          <option value="DOWNSTREAM">{translate('downstream', lang)}</option>
          <option value="UPSTREAM">{translate('upstream', lang)}</option>
        </select>
      </label>
      <YearSelect years={years} value={props.year} allowAll />
      <label className="control">
        {translate('depth', lang)}{' '}
        <input
          type="number"
          min={1}
          max={MAX_DEPTH}
          value={props.depth}
          onChange={(e) => {
            const d = Number(e.target.value);
            if (Number.isInteger(d) && d >= 1 && d <= MAX_DEPTH) setParams({ depth: d });
          }}
        />
      </label>
    </div>
  );
}
