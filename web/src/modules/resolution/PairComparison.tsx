import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ruleKey, scaleKey, scoreParts, sideBySide } from './pairView.ts';
import type { MergeRecord, ReviewPairDetail } from './resolutionApi.ts';

interface Props {
  pair: ReviewPairDetail;
  merge: MergeRecord | null;
  onDecide(decision: 'confirm' | 'reject'): void;
  onMerge(): void;
  onSplit(mergeId: string): void;
}

/** Two records side by side with the score's parts and the decision buttons. */
export function PairComparison({ pair, merge, onDecide, onMerge, onSplit }: Props) {
  const { t, formatNumber } = useI18n();
  const rows = sideBySide(pair);
  const rule = ruleKey(pair.rule);
  const showValue = (labelKey: string, value: string) => {
    const key = labelKey === 'review.field.scale' ? scaleKey(value) : null;
    return key === null ? value : t(key);
  };
  return (
    <div className="card" data-testid="review-pair">
      <h2 className="card__title">
        {t('review.pairTitle', { score: formatNumber(pair.score, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) })}
      </h2>
      <p className="card__subtitle">{t('review.pairMeta', { rule: rule === null ? pair.rule : t(rule), version: pair.codeVersion })}</p>
      <div className="table-wrap">
        <table className="table" data-testid="review-sides">
          <thead>
            <tr><th /><th>{t(pair.kind === 'firms' ? 'review.side.firmA' : 'review.side.registry')}</th><th>{t(pair.kind === 'firms' ? 'review.side.firmB' : 'review.side.incoming')}</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.labelKey} className={r.isDifferent ? 'is-different' : undefined}>
                <th scope="row">{t(r.labelKey)}</th>
                <td>{showValue(r.labelKey, r.left)}</td>
                <td>{showValue(r.labelKey, r.right)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="card__subtitle" data-testid="review-parts">
        {scoreParts(pair.parts)
          .map((p) => `${t(p.labelKey)}: ${typeof p.value === 'number' ? formatNumber(p.value, { maximumFractionDigits: 2, minimumFractionDigits: 2 }) : t(p.value)}`)
          .join(' · ')}
      </p>
      <p data-testid="review-pair-status">{t('review.current', { status: t(`review.status.${pair.status}`) })}</p>
      <div className="toolbar">
        <button type="button" className="button button--primary" data-testid="review-confirm" onClick={() => onDecide('confirm')} disabled={pair.status === 'confirmed'}>{t('review.confirm')}</button>
        <button type="button" className="button" data-testid="review-reject" onClick={() => onDecide('reject')} disabled={pair.status === 'rejected'}>{t('review.reject')}</button>
        {pair.kind === 'firms' && (
          <button type="button" className="button" data-testid="review-merge-button" onClick={onMerge}>{t('review.merge')}</button>
        )}
        {merge && merge.status === 'merged' && (
          <button type="button" className="button" data-testid="review-split" onClick={() => onSplit(merge.id)}>{t('review.split')}</button>
        )}
      </div>
    </div>
  );
}
