export declare const repoRoot: string;
export declare const serverBundle: string;
export declare function webSourceHash(): string;
export declare function recordWebBuild(sourceHash: string): void;
export declare function ensureWebBuild(): void;
export declare function ensureServerBuild(): void;
