// PurchaseDialog still imports from here until the purchase flow is rebuilt.
export { useStepFocus } from '../../ui/use-step-focus';
