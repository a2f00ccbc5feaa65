// PurchaseOrderForm still imports from here until the purchase flow is rebuilt.
export { TextField } from '../../ui/TextField';
