// Types of dist-stamp.mjs for the test harness (tests/global-setup.ts).
export declare const INPUTS: string[];
export declare function sourceHash(root: string, inputs?: string[]): string;
export declare function stampPath(root: string): string;
export declare function writeStamp(root: string, inputs?: string[]): void;
export declare function distState(root: string, inputs?: string[]): { fresh: boolean; reason: string };
