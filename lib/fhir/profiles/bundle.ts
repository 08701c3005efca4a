/**
 * klgateway-children-delivery-report and klgateway-children-incremental-delivery (Bundle).
 * The entries' resources are validated by the resource profiles (see validate.ts).
 */
import { INF, RESOURCE_SLOT, T, X, backbone, card, complex, plainResource, prim } from "./spec";

const ENTRY_LINK = backbone("Bundle.link", { relation: prim("string", 1, 1), url: prim("uri", 1, 1) }, 0, INF);

export const DELIVERY_REPORT_NAME = "klgateway-children-delivery-report";
export const INCREMENTAL_DELIVERY_NAME = "klgateway-children-incremental-delivery";

export const DELIVERY_REPORT = plainResource("Bundle", {
  // meta.profile is 1..1 (and fixed, checked in validate.ts), so meta is required too.
  meta: complex(
    "Meta",
    {
      versionId: prim("id"),
      lastUpdated: prim("instant"),
      source: prim("uri"),
      profile: card(prim("canonical", 0, INF), 1, 1),
      security: T.coding(0, INF),
      tag: T.coding(0, INF),
    },
    1,
    1,
  ),
  identifier: X,
  type: prim("code", 1, 1, "collection"),
  timestamp: prim("instant", 1, 1),
  total: X,
  link: X,
  entry: backbone(
    "Bundle.entry",
    { link: X, fullUrl: prim("uri"), resource: RESOURCE_SLOT, search: X, request: X, response: X },
    0,
    INF,
  ),
  signature: X,
});

export const INCREMENTAL_DELIVERY = plainResource("Bundle", {
  identifier: X,
  type: prim("code", 1, 1, "collection"),
  timestamp: prim("instant", 1, 1),
  total: X,
  link: X,
  entry: backbone(
    "Bundle.entry",
    { link: ENTRY_LINK, fullUrl: prim("uri"), resource: RESOURCE_SLOT, search: X, request: X, response: X },
    0,
    INF,
  ),
  signature: X,
});
