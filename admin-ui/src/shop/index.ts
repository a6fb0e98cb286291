export { ShopActionsContext, ShopContext, hasRole, lastShop, rememberShop, useShop, useShopActions } from './ShopContext';
export type { ShopActions, ShopSummary } from './ShopContext';
export { CreateShopMutation, MyShopsQuery, ReferenceDataQuery, ShopQuery, UpdateShopMutation } from './operations';
