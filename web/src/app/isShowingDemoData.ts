/** Whether the demo-data banner shows: the region says it holds synthetic data, or a shown row is synthetic. */
export function isShowingDemoData(input: { regionHasSyntheticData: boolean; isPageShowingSyntheticRows: boolean }): boolean {
  return input.regionHasSyntheticData || input.isPageShowingSyntheticRows;
}
