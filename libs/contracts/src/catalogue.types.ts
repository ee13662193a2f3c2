export type ServiceName = 'intake' | 'review' | 'expert-pool' | 'assessment' | 'publication' | 'notification';

/** The class of a payload; its class-validator decorators are the contract. */
export type PayloadClass<P = object> = new () => P;

export interface EventDefinition<P = object> {
  /** `<service>.<entity>.<event>.v<major>` (docs/architecture.md §4). */
  topic: string;
  /** CloudEvents `type`; stable across deployments. */
  type: string;
  producer: ServiceName;
  consumers: ServiceName[];
  /** The payload field the record key comes from. Case events: `caseId`, the case (application) id. */
  key: string;
  /** What the record key is, in words (AsyncAPI and the `ce_subject` header say it). */
  keyDescription: string;
  payload: PayloadClass<P>;
  /** Reads the key from a payload. */
  keyOf: (payload: P) => string;
  summary: string;
  /** Read by the national platform (国家技能人才评价工作网): its contract is published. */
  external?: boolean;
}

export interface TopicSpec {
  topic: string;
  partitions: number;
  replicationFactor?: number;
  config?: Record<string, string | number>;
}
