import { createContext, type ReactNode, useContext, useEffect } from 'react';

type Reporter = (isShowingSynthetic: boolean) => void;

const ReporterContext = createContext<Reporter>(() => {});

/** Collects what the current page reports about the rows it shows (`onChange` must be stable, e.g. a state setter). */
export function SyntheticRowsProvider({ onChange, children }: { onChange: Reporter; children: ReactNode }) {
  return <ReporterContext.Provider value={onChange}>{children}</ReporterContext.Provider>;
}

/** A page calls this with whether any row it shows is synthetic; leaving the page withdraws the report. */
export function useReportSyntheticRows(isShowingSynthetic: boolean): void {
  const report = useContext(ReporterContext);
  useEffect(() => {
    report(isShowingSynthetic);
    return () => report(false);
  }, [report, isShowingSynthetic]);
}
