import { z } from 'zod';
import { SellerRef } from './supply.risk.model.ts';

export const PartnersQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type PartnersQuery = z.infer<typeof PartnersQuery>;

export const Nodes = z.array(z.object({ id: z.string(), name: z.string().nullable() }));

export const FirmPartners = z
  .object({
    year: z.number().int(),
    purchasesWan: z.number().describe("the firm's net purchases in the year, 万元"),
    salesWan: z.number().describe("the firm's net sales to buyers in the region in the year, 万元"),
    supplierCount: z.number().int(),
    customerCount: z.number().int(),
    suppliers: z.array(SellerRef.extend({ amountWan: z.number(), share: z.number().nullable(), nodes: Nodes })).describe('largest first'),
    customers: z
      .array(z.object({ enterpriseId: z.string(), name: z.string().nullable(), amountWan: z.number(), share: z.number().nullable(), nodes: Nodes }))
      .describe('largest first'),
  })
  .meta({ id: 'FirmPartners' });
export type FirmPartners = z.infer<typeof FirmPartners>;
