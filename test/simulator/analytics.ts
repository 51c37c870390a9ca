/**
 * Analytics of the simulated account (datacube/*): placeholder while it is built.
 */
type Reply = Record<string, unknown>;

export interface AnalyticsContext {
	now(): number;
	rid(): string;
}

export class SimulatedAnalytics {
	constructor(private readonly context: AnalyticsContext) {}

	route(_path: string, _body: Record<string, unknown>): Reply | undefined {
		void this.context;
		return undefined;
	}
}
