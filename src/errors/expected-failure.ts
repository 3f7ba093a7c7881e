// A failure the operator can fix from its message alone (a bad setting, an unreachable database):
// commands print its one line and no stack.
export class ExpectedFailure extends Error {}
