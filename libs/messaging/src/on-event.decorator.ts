import { applyDecorators } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { EventDefinition } from '@filing/contracts';

const consumed = new Map<string, EventDefinition<any>>();

/**
 * Marks a message-controller method as the handler of one contract event. The payload reaching the method has
 * already been validated against the contract class; the second argument is an `EventContext`.
 */
export function OnEvent(def: EventDefinition<any>): MethodDecorator {
  consumed.set(def.topic, def);
  return applyDecorators(EventPattern(def.topic));
}

export function consumedDefinition(topic: string): EventDefinition<any> | undefined {
  return consumed.get(topic);
}

/** Every topic a handler in this process consumes. */
export function consumedTopics(): string[] {
  return [...consumed.keys()].sort();
}
