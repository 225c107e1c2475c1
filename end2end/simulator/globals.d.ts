// The simulator's outside world: what the page hands it, what it installs, and the bridge
// protocol jweixin-1.6.0.js speaks. The catalog's own types are generated from Rust.
import type { SimCatalog } from '../../app/bindings/SimCatalog';

declare global {
  /** Arguments jweixin passes to a native function: untrusted, checked field by field. */
  type BridgeArgs = Record<string, unknown>;

  /** A native answer: `err_msg` is `<prefix>:<word>`; other fields are the result. */
  type RawAnswer = { err_msg: string; err_desc?: string; [field: string]: unknown };

  /** WeChat's native bridge, as jweixin calls it. */
  interface WeixinJSBridge {
    invoke(name: string, args: BridgeArgs | undefined, callback?: ((answer: RawAnswer) => void) | null): void;
    on(event: string, callback: (payload: RawAnswer) => void): void;
    call(name: string): void;
  }

  /** Settings a page may set before the simulator loads. */
  type SimulatorOptions = {
    verifyUrl: string;
    signatureUrl: string;
    recordLimitMs: number;
    locationTimeoutMs: number;
    microphoneTimeoutMs: number;
  };

  interface Window {
    /** Set by /api/sim/catalog.js, loaded right before the simulator. */
    __wxSimCatalog?: SimCatalog;
    __wxSimulatorOptions?: Partial<SimulatorOptions>;
    WeixinJSBridge?: WeixinJSBridge;
  }

  /** Chromium's Network Information API (not in TypeScript's DOM types). */
  interface Navigator {
    connection?: { type?: string; effectiveType?: string };
  }

  /** An overlay element knows how to close itself. */
  interface HTMLDivElement {
    wxsimClose?: (reason: string, value?: string) => void;
  }
}

export {};
