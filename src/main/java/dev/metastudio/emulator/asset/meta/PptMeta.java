package dev.metastudio.emulator.asset.meta;

import java.util.List;

/** ppt_meta (reference Table 4-12). */
public record PptMeta(Boolean autoAnalysis, AnalysisStatus pptAnalysisStatus, MediaMetas.ErrorInfo errorInfo,
                      Integer pageCount, List<Page> pages) {

    public enum AnalysisStatus { INITIALIZE, WAITING, CONVERTING, FAILED, SUCCEEDED, CANCELED }

    public record Page(Integer pageNo, String fileId, String pageContent) {
    }
}
