import { useEffect, useState } from 'react';
import { createCaReader, type CaView } from '../../store/ca-reader';

/** The CA of a form described as it is read (an answer for older text is dropped), for as long as the form is shown. */
export function useCaView(initialPem: string): {
  ca: CaView;
  pemChanged: (pem: string) => void;
  fileChosen: (file: File) => Promise<string | null>;
} {
  const [ca, setCa] = useState<CaView>({ status: 'none' });
  const [reader] = useState(() => createCaReader(setCa));
  useEffect(() => {
    void reader.pemChanged(initialPem);
    // The form went away: what is still being read is not its any more.
    return () => reader.cancelled();
    // The saved CA (fixed for the form's life) is described as the form opens; later changes come through pemChanged.
  }, [reader, initialPem]);
  return { ca, pemChanged: (pem) => void reader.pemChanged(pem), fileChosen: (file) => reader.fileChosen(file) };
}
