/** The drag-and-drop payload type of a palette item: the component key. */
export const COMPONENT_MIME = "application/x-paiflow-component";
