// PurchaseDialog and PurchaseOrderForm still import from here until the purchase flow is rebuilt.
export { ModalDialog } from '../../ui/ModalDialog';
