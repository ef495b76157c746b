// The desk (issue 20): the role dashboards and the to-do list. main.tsx imports this file lazily; the
// charts are a further chunk of their own (Charts.tsx, loaded by the dashboard with React.lazy).
export { DeskDashboardPage } from './DeskDashboardPage';
export { DeskTodoPage, PortalTodoPage } from './DeskTodoPage';
