import { z } from 'zod';

/*
 * Firm-to-firm trade amounts are sensitive firm data, like tax and energy (DESIGN: security). Without the
 * `sensitive` permission a user gets no amount between two named firms, no named firm's purchases or sales and
 * no share derived from one firm pair (the share times a visible total would give the amount back); names,
 * counts, nodes, PageRank and the order of lists stay. Aggregates over a node, chain, town or region (purchases,
 * local supply rates, HHI) stay visible. With the permission everything is shown and the read is audited.
 * The rules per answer are in supply.masking.ts.
 */

/** Appended to the description of every field that is null without the permission. */
export const MASKED = ' (null without the sensitive permission)';

export const IsMasked = z
  .boolean()
  .describe('true: the user lacks the sensitive permission, so firm-level amounts and firm-pair shares are null (the web shows "— needs sensitive-data permission")');

/**
 * Groups (sub-clusters) of fewer members than this show no flow sums without the permission: the total of a
 * one- or two-firm group is a firm's or a firm pair's amount (the rule of three of statistical disclosure control).
 */
export const MIN_GROUP_FOR_FLOWS = 3;
