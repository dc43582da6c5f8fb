/**
 * Types for the two exceljs (4.4) modules the XLSX writer reaches into (render.ts, rows.ts):
 * the row serialiser, whose prepare/render let a sheet's data rows be written as one XML block,
 * and the XML escaping every exceljs text goes through. Only what the writer calls is declared.
 */
declare module 'exceljs/lib/xlsx/xform/sheet/row-xform.js' {
  class RowXform {
    prepare(model: object, options: object): void;
    render(xmlStream: object, model: object, options?: unknown): void;
  }
  export default RowXform;
}

declare module 'exceljs/lib/utils/utils.js' {
  const utils: { xmlEncode(text: string): string };
  export default utils;
}

// The tables and stream the rows are prepared and written with (tests/writers/xlsx-rows.test.ts
// renders exceljs's own rows through them to compare).
declare module 'exceljs/lib/xlsx/xform/style/styles-xform.js' {
  class StylesXform {
    constructor(initialise?: boolean);
    addStyleModel(style: object, cellType?: number): number;
    get xml(): string;
  }
  export default StylesXform;
}

declare module 'exceljs/lib/xlsx/xform/strings/shared-strings-xform.js' {
  class SharedStringsXform {
    add(value: string): number;
    get xml(): string;
  }
  export default SharedStringsXform;
}

declare module 'exceljs/lib/utils/xml-stream.js' {
  class XmlStream {
    writeXml(xml: string): void;
    get xml(): string;
  }
  export default XmlStream;
}
