extension Catalogue {
    /// The English texts: what `check --format json` prints beside the codes, and what most tests pin.
    static let english: [MessageCode: Template] = [
        // Labels, shared hints and the cap on repeated problems (Support).
        .labelError: ("error", nil),
        .labelWarning: ("warning", nil),
        .labelHint: ("hint", nil),
        .didYouMean: ("did you mean '{suggestion}'?", nil),
        .expectedOneOf: ("expected one of: {choices}", nil),
        .untranslated: ("{message}", nil),
        .untranslatedWithHint: ("{message}", "{hint}"),
        .onlyFirstListed: ("only the first {limit} of each kind are listed for a file; correct them and check again", nil),
        .moreImagesWithoutAltText: ("… and {count} more images without alternative text", nil),

        // Model.
        .linkSchemeRemoved: ("the link to a '{scheme}:' address was removed", "only http, https, mailto and tel addresses are published"),
        .imageSchemeRemoved: ("the image to a '{scheme}:' address was removed", "only http, https, mailto and tel addresses are published"),
        .linkAbsolutePath: ("the link '{url}' is an absolute path", "write the path relative to this file, e.g. ../../assets/photo.jpg, so the site works under any address"),
        .imageAbsolutePath: ("the image '{url}' is an absolute path", "write the path relative to this file, e.g. ../../assets/photo.jpg, so the site works under any address"),
        .linkOutsideContent: ("the link '{url}' leads outside the content folder", "put the file in Content/assets/ and link to it from there"),
        .imageOutsideContent: ("the image '{url}' leads outside the content folder", "put the file in Content/assets/ and link to it from there"),
        .linkMissingFile: ("the link '{url}' points to '{candidate}', which does not exist", "check the file name, or add the file to Content/assets/"),
        .imageMissingFile: ("the image '{url}' points to '{candidate}', which does not exist", "check the file name, or add the file to Content/assets/"),
        .moreLinksSchemeRemoved: ("… and {count} more links removed for their kind of address", nil),
        .moreImagesSchemeRemoved: ("… and {count} more images removed for their kind of address", nil),
        .moreLinksAbsolutePath: ("… and {count} more links with an absolute path", nil),
        .moreImagesAbsolutePath: ("… and {count} more images with an absolute path", nil),
        .moreLinksOutsideContent: ("… and {count} more links leading outside the content folder", nil),
        .moreImagesOutsideContent: ("… and {count} more images leading outside the content folder", nil),
        .moreLinksMissingFile: ("… and {count} more links pointing to files that do not exist", nil),
        .moreImagesMissingFile: ("… and {count} more images pointing to files that do not exist", nil),
    ]
}
