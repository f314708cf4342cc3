// The page events between the deck's pen (pen.ts) and the phone remote's link
// on the venue screen (src/client/remote/venue.ts): an op from a phone in,
// the deck's own ops (and its speaker view's) out. The detail is a PenOp.
export const PEN_REMOTE_OP = 'iur:pen-remote-op';
export const PEN_LOCAL_OP = 'iur:pen-local-op';
