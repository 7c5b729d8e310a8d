/** A write the record's rules refuse (a missing title, a month out of range): nothing is saved. */
export class InvalidFieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message)
    this.name = 'InvalidFieldError'
  }
}
