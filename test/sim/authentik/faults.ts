/** A body that claims to be JSON and is cut off mid-object. */
export const MALFORMED_BODY = '{"pagination": {"next": 2, "previous": 0, "cou';
