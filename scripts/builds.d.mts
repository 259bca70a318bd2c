export declare const repoRoot: string;
export declare const webBuildRecord: string;
export declare function webSourceHash(): string;
export declare function recordWebBuild(sourceHash: string): void;
export declare function recordedWebBuild(): string | null;
