import { z } from 'zod';
import { SellerRef } from './supply.risk.model.ts';
import { IsMasked, MASKED } from './supply.sensitive.model.ts';

export const PartnersQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type PartnersQuery = z.infer<typeof PartnersQuery>;

export const Nodes = z.array(z.object({ id: z.string(), name: z.string().nullable() }));

export const FirmPartners = z
  .object({
    year: z.number().int(),
    purchasesWan: z.number().nullable().describe(`the firm's net purchases in the year, 万元${MASKED}`),
    salesWan: z.number().nullable().describe(`the firm's net sales to buyers in the region in the year, 万元${MASKED}`),
    supplierCount: z.number().int(),
    customerCount: z.number().int(),
    suppliers: z
      .array(
        SellerRef.extend({
          amountWan: z.number().nullable().describe(`bought from this supplier, 万元${MASKED}`),
          share: z.number().nullable().describe(`of the firm's purchases, 0..1 (a firm-pair share)${MASKED}; null also when purchases are not positive`),
          nodes: Nodes,
        }),
      )
      .describe('largest first (the order stays without the permission; the amounts do not)'),
    customers: z
      .array(
        z.object({
          enterpriseId: z.string(),
          name: z.string().nullable(),
          amountWan: z.number().nullable().describe(`sold to this customer, 万元${MASKED}`),
          share: z.number().nullable().describe(`of the firm's sales, 0..1 (a firm-pair share)${MASKED}; null also when sales are not positive`),
          nodes: Nodes,
        }),
      )
      .describe('largest first (the order stays without the permission; the amounts do not)'),
    isMasked: IsMasked,
  })
  .meta({ id: 'FirmPartners' });
export type FirmPartners = z.infer<typeof FirmPartners>;
