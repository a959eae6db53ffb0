// IndexedDB for storage tests, in memory.
import 'fake-indexeddb/auto';
