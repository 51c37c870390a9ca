/**
 * The account's menu and conditional menus (cgi-bin/menu/*, cgi-bin/get_current_selfmenu_info):
 * placeholder while it is built.
 */
import type { CursorListView, SimulatedAccount } from './account';

type Reply = Record<string, unknown>;

export interface MenusContext {
	account: SimulatedAccount;
	followers(): CursorListView;
	rid(): string;
}

export class SimulatedMenus {
	constructor(private readonly context: MenusContext) {}

	route(_path: string, _query: Record<string, string>, _body: Record<string, unknown>): Reply | undefined {
		void this.context;
		return undefined;
	}
}
