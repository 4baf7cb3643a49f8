// A bound against a hung test, not a speed assertion: waits inside the tests poll until their condition holds.
jest.setTimeout(300_000);
