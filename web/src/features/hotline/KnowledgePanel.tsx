// The import point of the knowledge base for the hotline pages: the knowledge-base feature's panel
// (<KnowledgeSearchPanel open onClose initialQuery reason>), opened with Alt+K or from a routing reason.
export { KnowledgeSearchPanel } from '../knowledge/KnowledgeSearchPanel';
