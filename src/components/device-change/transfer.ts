import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { sleep } from '../../client/index.js';
import type { Device, Transfer, TransferResult } from '../../client/schemas.js';
import type { RenewalStore } from '../../context/store.js';

/** How long typing must pause before the phones are searched. */
const SEARCH_DELAY_MS = 250;

/** The device change, as its requests see it. */
export interface TransferHost extends ReactiveControllerHost {
  readonly store: RenewalStore | undefined;
}

/** What the device change does with the answers. */
export interface TransferOutcomes {
  /** What is typed in the search field. */
  query(): string;
  /** A one-time code was sent for the move. */
  codeSent(transfer: Transfer): void;
  /** The code was right: the card moved. */
  moved(result: TransferResult): void;
  /** The code was refused (its error says how many tries are left, or that the move is locked). */
  refused(error: unknown): void;
}

/**
 * The requests of `<esim-device-change>`, apart from its looks: the search for phones, the one-time code, and its
 * check. Each is a task whose status the element renders.
 */
export class DeviceTransfer {
  /**
   * The phones matching what is typed, from two characters on; typing again within SEARCH_DELAY_MS starts over, so
   * a word typed fast makes one request.
   */
  readonly search: Task<readonly [RenewalStore | undefined, string], Device[] | undefined>;

  /** Asking for a one-time code to move the card to a phone. */
  readonly sending: Task<[RenewalStore, Device], Transfer>;

  /** Checking the one-time code. */
  readonly verifying: Task<[RenewalStore, Transfer, string], TransferResult>;

  /** The phone the last code was asked for. */
  codeFor?: Device;

  constructor(
    private readonly host: TransferHost,
    outcomes: TransferOutcomes,
  ) {
    this.search = new Task(host, {
      args: () => [host.store, outcomes.query().trim()] as const,
      task: async ([store, q], { signal }) => {
        if (!store || q.length < 2) return undefined;
        await sleep(SEARCH_DELAY_MS, signal);
        return store.client.listDevices({ q }, { signal });
      },
    });
    this.sending = new Task(host, {
      autoRun: false,
      task: ([store, device], { signal }) =>
        store.client.startTransfer({ brand: device.brand, model: device.model }, { signal }),
      onComplete: outcomes.codeSent,
    });
    this.verifying = new Task(host, {
      autoRun: false,
      task: ([store, transfer, code], { signal }) => store.client.verifyTransfer(transfer.id, code, { signal }),
      onComplete: outcomes.moved,
      onError: outcomes.refused,
    });
  }

  /** A code or its check is on its way. */
  get busy(): boolean {
    return this.sending.status === TaskStatus.PENDING || this.verifying.status === TaskStatus.PENDING;
  }

  /** Asks for a one-time code for `device`; nothing more while a request is on its way. */
  sendCode(device: Device): void {
    const store = this.host.store;
    if (!store || this.busy) return;
    this.codeFor = device;
    void this.sending.run([store, device]);
  }

  /** Checks `code` for the move `transfer` started. */
  verify(transfer: Transfer, code: string): void {
    const store = this.host.store;
    if (store && !this.busy) void this.verifying.run([store, transfer, code]);
  }

  /** The element went away: the search stops. */
  stop(): void {
    this.search.abort();
  }
}
