/** The rules of an instance's settings, shared by the contract, main, aklm and the page; each returns a message or null. */
export { ADDRESS_MESSAGES, checkInstanceAddress, instanceAddressProblem } from './validation/address';
export { apiTokenProblem, TOKEN_MESSAGES } from './validation/api-token';
export {
  CA_MESSAGES,
  caCertificateBlocks,
  caCertificateProblem,
  caUnreadableMessage,
} from './validation/ca-certificate';
export {
  instanceNameKey,
  instanceNameProblem,
  NAME_MESSAGES,
  nameTakenMessage,
  nameTakenProblem,
} from './validation/name';
export { isPlainHttpAddress, plainHttpMessage, plainHttpProblem } from './validation/plain-http-permission';
