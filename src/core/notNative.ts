/** Thrown by a closed form's builder when a call has no native form; the message says why, for the report. */
export class NotNative extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "NotNative";
  }
}
