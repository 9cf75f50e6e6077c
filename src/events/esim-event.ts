/**
 * What all our events share: they bubble out of shadow roots (`composed`), carry their data as `detail`, and
 * have the same fields on the event itself (`event.plan` as well as `event.detail.plan`).
 */
export class EsimEvent<Detail extends object> extends CustomEvent<Detail> {
  constructor(type: string, detail: Detail, cancelable = false) {
    super(type, { bubbles: true, composed: true, cancelable, detail });
    Object.assign(this, detail);
  }
}
